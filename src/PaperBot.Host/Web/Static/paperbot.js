// PaperBot pages: live help on the query syntax, and the browser's time zone as the default. Every page works without it.
(function () {
  'use strict';

  function debounce(fn, ms) {
    var timer;
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }

  document.querySelectorAll('input[data-query-check]').forEach(function (input) {
    var field = input.closest('.field');
    var status = field && field.querySelector('[data-query-status]');
    if (!status) return;
    var latest = 0;
    input.addEventListener('input', debounce(function () {
      var mine = ++latest;
      if (input.value.trim() === '') { status.textContent = ''; return; }
      fetch('/query/check?q=' + encodeURIComponent(input.value), { headers: { Accept: 'application/json' } })
        .then(function (response) { return response.json(); })
        .then(function (result) {
          if (mine !== latest) return;
          status.textContent = result.message;
          status.className = 'live ' + (result.ok ? 'ok' : 'bad');
        })
        .catch(function () { status.textContent = ''; });
    }, 250));
  });

  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) document.querySelectorAll('input[data-timezone]').forEach(function (input) { input.value = zone; });
})();
