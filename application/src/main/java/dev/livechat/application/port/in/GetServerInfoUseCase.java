package dev.livechat.application.port.in;

/** Server information without store access (contract 4.0). */
public interface GetServerInfoUseCase {

    ServerInfo serverInfo();
}
