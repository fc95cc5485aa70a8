package dev.livechat.application.port.in;

/** A successful login: the new token (in clear, shown once) and the user. */
public record LoginResult(String authToken, UserView me) {

    @Override
    public String toString() {
        return "LoginResult[authToken=***, me=" + me.id() + "]";
    }
}
