package dev.livechat.application.service;

import dev.livechat.application.port.in.GetServerInfoUseCase;
import dev.livechat.application.port.in.ServerInfo;

import java.util.Objects;

/** Reports the server version without touching the store (contract 4.0). */
public final class GetServerInfoService implements GetServerInfoUseCase {

    private final ServerInfo info;

    public GetServerInfoService(LivechatSettings settings) {
        this.info = new ServerInfo(Objects.requireNonNull(settings, "settings").version());
    }

    @Override
    public ServerInfo serverInfo() {
        return info;
    }
}
