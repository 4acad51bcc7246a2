# PaperBot: one container, one LiteDB file under /data.
#   docker build -t paperbot .
#   docker run -d --read-only --tmpfs /tmp -v paperbot-data:/data -p 8080:8080 paperbot
# The root file system may be read-only: PaperBot writes only to /data (database, search index, .eml pickup) and
# /tmp. Settings: PAPERBOT_* variables, key-per-file secrets in /run/secrets, or a file mounted read-only at
# /app/config/appsettings.local.json (see config/compose.example.yml).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore layer: only the solution, the build props and the project files, so source edits don't re-restore.
COPY PaperBot.sln Directory.Build.props Directory.Packages.props ./
COPY src/PaperBot.Core/PaperBot.Core.csproj src/PaperBot.Core/
COPY src/PaperBot.Storage/PaperBot.Storage.csproj src/PaperBot.Storage/
COPY src/PaperBot.Sources/PaperBot.Sources.csproj src/PaperBot.Sources/
COPY src/PaperBot.Email/PaperBot.Email.csproj src/PaperBot.Email/
COPY src/PaperBot.Search/PaperBot.Search.csproj src/PaperBot.Search/
COPY src/PaperBot.Discord/PaperBot.Discord.csproj src/PaperBot.Discord/
COPY src/PaperBot.Host/PaperBot.Host.csproj src/PaperBot.Host/
RUN dotnet restore src/PaperBot.Host/PaperBot.Host.csproj
COPY appsettings.json ./
# The default email templates are embedded from here.
COPY config/templates/ config/templates/
COPY src/ src/
RUN dotnet publish src/PaperBot.Host/PaperBot.Host.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
LABEL org.opencontainers.image.title="PaperBot" \
      org.opencontainers.image.description="Self-hosted notifier for new research papers: Hugging Face, arXiv and feeds to Discord and email." \
      org.opencontainers.image.licenses="MIT"
WORKDIR /app
COPY --from=build /app ./
# TMPDIR: .NET's temp files go to the tmpfs. DOTNET_EnableDiagnostics=0: no diagnostics IPC socket to create.
# DOTNET_gcServer=0: one small heap on a small host. DOTNET_GCgen0size=0x4000000: a 64 MB young generation. At a
# million subscriptions the matcher and the database cache keep ~1 GB alive, and each young collection costs about a
# millisecond whatever its size; the default budget (about 2 MB on the 2-core test host) made 11,000-15,000 of them
# in a day's enqueue. Measured by `day` (README, Benchmarks): a 1M-subscription day 80 s -> 53 s. Environment-only.
ENV PATH="/app:${PATH}" \
    PAPERBOT_Storage__Path=/data/paperbot.db \
    PAPERBOT_Email__PickupDirectory=/data/outbox \
    PAPERBOT_Web__Urls=http://0.0.0.0:8080 \
    TMPDIR=/tmp \
    DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0 \
    DOTNET_GCgen0size=0x4000000
# The image's non-root user (APP_UID, 1654) owns the data volume.
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 CMD ["paperbot", "healthcheck"]
ENTRYPOINT ["paperbot", "run"]
