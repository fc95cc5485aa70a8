package dev.livechat.adapter.http.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterTest {

    static final Handler OK = request -> ApiResponse.success();

    final Endpoint history = Endpoint.agent("GET",
            "/api/v1/livechat/visitors.chatHistory/room/:roomId/visitor/:visitorId", OK);
    final Endpoint getVisitor = Endpoint.visitor("GET", "/api/v1/livechat/visitor/:token", OK);
    final Endpoint deleteVisitor = Endpoint.visitor("DELETE", "/api/v1/livechat/visitor/:token", OK);
    final Endpoint postVisitor = Endpoint.visitor("POST", "/api/v1/livechat/visitor", OK);
    final Endpoint usersList = Endpoint.agent("GET", "/api/v1/livechat/users/:type", OK);
    final Endpoint usersAdd = Endpoint.agent("POST", "/api/v1/livechat/users/:type", OK);
    final Endpoint usersDelete = Endpoint.agent("DELETE", "/api/v1/livechat/users/:type/:_id", OK);
    final Endpoint special = Endpoint.agent("GET", "/api/v1/livechat/users/special", OK);

    final Router router = new Router(List.of(history, getVisitor, deleteVisitor, postVisitor, usersList, usersAdd,
            usersDelete, special));

    @Test
    void matches_templates_and_decodes_parameters_per_segment() {
        Router.Route route = router.route("GET", "/api/v1/livechat/visitors.chatHistory/room/R1/visitor/V%2F2");

        assertThat(route).isEqualTo(new Router.Found(history, Map.of("roomId", "R1", "visitorId", "V/2")));
    }

    @Test
    void parameters_keep_plus_signs_and_odd_escapes() {
        assertThat(router.route("GET", "/api/v1/livechat/visitor/a+b%20c%00d%zz%E2%82%AC"))
                .isEqualTo(new Router.Found(getVisitor, Map.of("token", "a+b c\uFFFDd%zz€")));
        assertThat(router.route("GET", "/api/v1/livechat/visitor/..")).isEqualTo(
                new Router.Found(getVisitor, Map.of("token", "..")));
    }

    @Test
    void unknown_paths_are_not_found() {
        assertThat(router.route("GET", "/api/v1/livechat/nothing")).isInstanceOf(Router.NotFound.class);
        assertThat(router.route("GET", "/API/v1/livechat/visitor/x")).isInstanceOf(Router.NotFound.class);
        assertThat(router.route("GET", "/api/v1/livechat/visitor/")).isInstanceOf(Router.NotFound.class);
        assertThat(router.route("GET", "/api/v1/livechat/visitor/x/")).isInstanceOf(Router.NotFound.class);
        assertThat(router.route("GET", "/api/v1/livechat/visitor/a/b")).isInstanceOf(Router.NotFound.class);
        assertThat(router.route("GET", "/api/v1/livechat/%76isitor/x")).isInstanceOf(Router.NotFound.class);
        assertThat(router.route("GET", "")).isInstanceOf(Router.NotFound.class);
        assertThat(router.route("GET", "//api/v1/livechat/visitor")).isInstanceOf(Router.NotFound.class);
    }

    @Test
    void known_paths_with_other_methods_list_exactly_the_defined_methods() {
        assertThat(router.route("PUT", "/api/v1/livechat/visitor/x"))
                .isEqualTo(new Router.MethodNotAllowed(List.of("GET", "DELETE")));
        assertThat(router.route("HEAD", "/api/v1/livechat/visitor"))
                .isEqualTo(new Router.MethodNotAllowed(List.of("POST")));
        assertThat(router.route("get", "/api/v1/livechat/visitor/x"))
                .isEqualTo(new Router.MethodNotAllowed(List.of("GET", "DELETE")));
    }

    @Test
    void literal_segments_win_over_parameters() {
        assertThat(router.route("GET", "/api/v1/livechat/users/special"))
                .isEqualTo(new Router.Found(special, Map.of()));
        assertThat(router.route("POST", "/api/v1/livechat/users/special"))
                .isEqualTo(new Router.Found(usersAdd, Map.of("type", "special")));
        assertThat(router.route("PUT", "/api/v1/livechat/users/special"))
                .isEqualTo(new Router.MethodNotAllowed(List.of("GET", "POST")));
        assertThat(router.route("DELETE", "/api/v1/livechat/users/agent/U1"))
                .isEqualTo(new Router.Found(usersDelete, Map.of("type", "agent", "_id", "U1")));
    }

    @Test
    void ambiguous_or_duplicate_routes_are_refused() {
        assertThatThrownBy(() -> new Router(List.of(getVisitor, Endpoint.visitor("GET", "/api/v1/livechat/visitor/:id", OK))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Router(List.of(postVisitor, postVisitor)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void templates_are_checked() {
        assertThatThrownBy(() -> Endpoint.visitor("GET", "api/v1", OK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Endpoint.visitor("GET", "/a/:x/:x", OK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Endpoint.visitor("GET", "/a//b", OK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Endpoint.visitor("get", "/a", OK)).isInstanceOf(IllegalArgumentException.class);
    }
}
