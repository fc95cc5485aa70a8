package dev.livechat.bootstrap;

public final class LivechatServer {
    public static void main(String[] args) {
    }
}
