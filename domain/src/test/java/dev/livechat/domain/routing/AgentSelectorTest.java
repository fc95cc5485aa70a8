package dev.livechat.domain.routing;

import dev.livechat.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Auto_Selection's choice (contract 6.2, 6.3, 7a). */
class AgentSelectorTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private static AgentCandidate candidate(String name, int open, Instant lastAssigned) {
        return new AgentCandidate(new UserId(name), name, open, lastAssigned);
    }

    @Test
    void fewestOpenRoomsThenOldestAssignmentThenUsername() {
        AgentCandidate busy = candidate("busy", 3, null);
        AgentCandidate recent = candidate("recent", 1, T0.plusSeconds(60));
        AgentCandidate older = candidate("older", 1, T0);
        AgentCandidate never = candidate("never", 1, null);
        AgentCandidate neverToo = candidate("alpha", 1, null);

        assertThat(AgentSelector.choose(List.of(busy, recent, older), Optional.empty(), 0)).contains(older);
        assertThat(AgentSelector.choose(List.of(busy, recent, older, never), Optional.empty(), 0)).contains(never);
        assertThat(AgentSelector.choose(List.of(never, neverToo), Optional.empty(), 0)).contains(neverToo);
    }

    @Test
    void aPreferredCandidateWinsUnlessAtTheLimitOrNoCandidate() {
        AgentCandidate idle = candidate("idle", 0, null);
        AgentCandidate loaded = candidate("loaded", 2, null);

        assertThat(AgentSelector.choose(List.of(idle, loaded), Optional.of(loaded.id()), 0)).contains(loaded);
        assertThat(AgentSelector.choose(List.of(idle, loaded), Optional.of(loaded.id()), 2)).contains(idle);
        assertThat(AgentSelector.choose(List.of(idle, loaded), Optional.of(new UserId("stranger")), 0)).contains(idle);
    }

    @Test
    void agentsAtTheLimitDropOutAndZeroMeansNoLimit() {
        AgentCandidate full = candidate("full", 2, null);

        assertThat(AgentSelector.choose(List.of(full), Optional.empty(), 2)).isEmpty();
        assertThat(AgentSelector.choose(List.of(full), Optional.empty(), 3)).contains(full);
        assertThat(AgentSelector.choose(List.of(full), Optional.empty(), 0)).contains(full);
        assertThat(AgentSelector.choose(List.of(), Optional.empty(), 0)).isEmpty();
    }
}
