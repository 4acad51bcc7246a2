#!/usr/bin/env python3
"""Writes the legacy-encoding feed fixtures beside this script (run it from anywhere; the output is committed).
Each file holds one RSS item whose title is non-ASCII in its encoding; the tests compare the decoded titles."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

def rss(title, declaration):
    head = f'<?xml version="1.0" encoding="{declaration}"?>\n' if declaration else ''
    return (head + '<rss version="2.0"><channel><title>Encoded</title><link>https://enc.example/</link>\n'
            f'<item><title>{title}</title><link>https://enc.example/{declaration or "none"}</link>'
            '<description>An abstract.</description></item>\n</channel></rss>\n')

FILES = {
    # name: (encoding written, encoding declared or None, title)
    'windows-1252.xml': ('cp1252', 'windows-1252', 'Café Widgets – “Smart” Naïve Bayes'),
    'iso-8859-7.xml': ('iso-8859-7', 'ISO-8859-7', 'Νέες μέθοδοι για widgets'),
    'koi8-r.xml': ('koi8_r', 'KOI8-R', 'Новые методы для виджетов'),
    'big5.xml': ('big5', 'Big5', '深度學習的新方法'),
    'euc-kr.xml': ('euc_kr', 'EUC-KR', '심층 학습의 새로운 방법'),
    'shift_jis.xml': ('shift_jis', 'Shift_JIS', '深層学習の新しい方法'),
    # No declaration: the bytes are not UTF-8, so they are read as windows-1252.
    'undeclared-windows-1252.xml': ('cp1252', None, 'Café Widgets – “Smart” Naïve Bayes'),
    # No declaration: only the HTTP charset (koi8-r) tells.
    'undeclared-koi8-r.xml': ('koi8_r', None, 'Новые методы для виджетов'),
    # UTF-16 with a byte-order mark.
    'utf-16.xml': ('utf-16', 'UTF-16', 'Widgets in UTF-16: Ωμέγα'),
}

for name, (codec, declared, title) in FILES.items():
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(rss(title, declared).encode(codec))
