-- Livechat relational schema, portable across H2, PostgreSQL and MariaDB.
--
-- The few column types and options that differ are Flyway placeholders filled in per dialect by JdbcStore:
--   ${timestamp}       TIMESTAMP(3) (H2, PostgreSQL) / DATETIME(3) (MariaDB): UTC wall-clock time, milliseconds
--   ${long_text}       unbounded text: CHARACTER VARYING (H2), TEXT (PostgreSQL), MEDIUMTEXT (MariaDB)
--   ${sort_collation}  COLLATE "C" on PostgreSQL (code-point order for sorted text); empty elsewhere
--   ${table_options}   ENGINE=InnoDB, utf8mb4 with the case- and space-exact utf8mb4_nopad_bin collation (MariaDB)
-- Every timestamp column holds the UTC date-time of an Instant, never a zone-dependent local time.

-- Rooms: every field of the domain's RoomSnapshot, flattened. lastMessage is a copy of the room's last message (as in
-- Rocket.Chat), so a room reads back exactly as it was stored, whatever the messages table holds.
CREATE TABLE rooms (
    id                                         VARCHAR(64)  NOT NULL,
    version                                    BIGINT       NOT NULL,
    msgs                                       INT          NOT NULL,
    users_count                                INT          NOT NULL,
    lm                                         ${timestamp} NOT NULL,
    fname                                      VARCHAR(512) ${sort_collation} NOT NULL,
    ts                                         ${timestamp} NOT NULL,
    department_id                              VARCHAR(64),
    v_id                                       VARCHAR(64)  NOT NULL,
    v_username                                 VARCHAR(256) NOT NULL,
    v_token                                    VARCHAR(256) NOT NULL,
    v_status                                   VARCHAR(32)  NOT NULL,
    v_last_message_ts                          ${timestamp},
    is_open                                    BOOLEAN      NOT NULL,
    -- v_token while the room is open, NULL once closed: the unique key of "one open room per visitor token".
    open_visitor_token                         VARCHAR(256),
    updated_at                                 ${timestamp} NOT NULL,
    last_message_id                            VARCHAR(64),
    last_message_room_id                       VARCHAR(64),
    last_message_msg                           ${long_text},
    last_message_msg_type                      VARCHAR(64),
    last_message_ts                            ${timestamp},
    last_message_author_id                     VARCHAR(64),
    last_message_author_username               VARCHAR(256),
    last_message_author_name                   VARCHAR(512),
    last_message_visitor_token                 VARCHAR(256),
    last_message_alias                         VARCHAR(512),
    last_message_transfer_by_id                VARCHAR(64),
    last_message_transfer_by_username          VARCHAR(256),
    last_message_transfer_by_name              VARCHAR(512),
    last_message_transfer_by_type              VARCHAR(32),
    last_message_transfer_ts                   ${timestamp},
    last_message_transfer_scope                VARCHAR(32),
    last_message_transfer_comment              ${long_text},
    last_message_transfer_previous_department  VARCHAR(64),
    last_message_transfer_next_department_id   VARCHAR(64),
    last_message_transfer_next_department_name VARCHAR(512),
    last_message_transfer_to_id                VARCHAR(64),
    last_message_transfer_to_username          VARCHAR(256),
    last_message_transfer_to_name              VARCHAR(512),
    last_message_transfer_to_type              VARCHAR(32),
    metric_visitor_last_query                  ${timestamp},
    metric_agent_last_reply                    ${timestamp},
    metric_response_first_date                 ${timestamp},
    metric_response_first_time_ms              BIGINT,
    metric_response_total_time_ms              BIGINT,
    metric_response_count                      INT,
    metric_reaction_first_date                 ${timestamp},
    metric_reaction_first_time_ms              BIGINT,
    metric_reaction_total_time_ms              BIGINT,
    metric_chat_duration_ms                    BIGINT,
    metric_service_time_duration_ms            BIGINT,
    served_by_id                               VARCHAR(64),
    served_by_username                         VARCHAR(256),
    served_by_ts                               ${timestamp},
    waiting_response                           BOOLEAN      NOT NULL,
    response_by_id                             VARCHAR(64),
    response_by_username                       VARCHAR(256),
    response_by_first_response_ts              ${timestamp},
    response_by_last_message_ts                ${timestamp},
    source_type                                VARCHAR(256) NOT NULL,
    source_alias                               VARCHAR(512),
    -- SearchText.fold of source_type / source_alias, for the case-insensitive source filter of searchChats.
    source_type_folded                         VARCHAR(256) NOT NULL,
    source_alias_folded                        VARCHAR(512),
    closed_at                                  ${timestamp},
    closer                                     VARCHAR(16),
    closed_by_id                               VARCHAR(64),
    closed_by_username                         VARCHAR(256),
    -- true when the room has a surveyFeedback (its items are in room_survey_answers).
    has_survey_feedback                        BOOLEAN      NOT NULL,
    CONSTRAINT pk_rooms PRIMARY KEY (id)
) ${table_options};

-- findOpenByVisitorToken; enforces one open room per visitor token (NULLs, i.e. closed rooms, never collide).
CREATE UNIQUE INDEX ux_rooms_open_visitor_token ON rooms (open_visitor_token);
-- chatHistory / searchChats / findOpenByVisitorId: a visitor's rooms, newest first by default.
CREATE INDEX ix_rooms_v_id_ts ON rooms (v_id, ts);
-- AgentRouting.findCandidates: open rooms served by an agent.
CREATE INDEX ix_rooms_served_by_open ON rooms (served_by_id, is_open);

CREATE TABLE room_tags (
    room_id  VARCHAR(64)  NOT NULL,
    position INT          NOT NULL,
    tag      VARCHAR(512) NOT NULL,
    CONSTRAINT pk_room_tags PRIMARY KEY (room_id, position),
    CONSTRAINT fk_room_tags_room FOREIGN KEY (room_id) REFERENCES rooms (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE room_survey_answers (
    room_id  VARCHAR(64)  NOT NULL,
    position INT          NOT NULL,
    name     VARCHAR(256) NOT NULL,
    answer   ${long_text} NOT NULL,
    CONSTRAINT pk_room_survey_answers PRIMARY KEY (room_id, position),
    CONSTRAINT fk_room_survey_answers_room FOREIGN KEY (room_id) REFERENCES rooms (id) ON DELETE CASCADE
) ${table_options};

-- Messages: msg_type is Rocket.Chat's t (NULL for text messages); transfer_* flatten transferData.
CREATE TABLE messages (
    id                            VARCHAR(64)  NOT NULL,
    room_id                       VARCHAR(64)  NOT NULL,
    msg                           ${long_text} NOT NULL,
    -- SearchText.fold(msg): searchChats matches it with LIKE on a folded, escaped query.
    msg_folded                    ${long_text} NOT NULL,
    msg_type                      VARCHAR(64),
    ts                            ${timestamp} NOT NULL,
    author_id                     VARCHAR(64)  NOT NULL,
    author_username               VARCHAR(256) NOT NULL,
    author_name                   VARCHAR(512),
    visitor_token                 VARCHAR(256),
    alias                         VARCHAR(512),
    transfer_by_id                VARCHAR(64),
    transfer_by_username          VARCHAR(256),
    transfer_by_name              VARCHAR(512),
    transfer_by_type              VARCHAR(32),
    transfer_ts                   ${timestamp},
    transfer_scope                VARCHAR(32),
    transfer_comment              ${long_text},
    transfer_previous_department  VARCHAR(64),
    transfer_next_department_id   VARCHAR(64),
    transfer_next_department_name VARCHAR(512),
    transfer_to_id                VARCHAR(64),
    transfer_to_username          VARCHAR(256),
    transfer_to_name              VARCHAR(512),
    transfer_to_type              VARCHAR(32),
    CONSTRAINT pk_messages PRIMARY KEY (id)
) ${table_options};

-- messages.history, findByRoom and the searchChats EXISTS probe: a room's messages in time order.
CREATE INDEX ix_messages_room_ts ON messages (room_id, ts, id);

CREATE TABLE visitors (
    id            VARCHAR(64)  NOT NULL,
    username      VARCHAR(256) NOT NULL,
    token         VARCHAR(256) NOT NULL,
    ts            ${timestamp} NOT NULL,
    updated_at    ${timestamp} NOT NULL,
    status        VARCHAR(32)  NOT NULL,
    name          VARCHAR(512),
    email         VARCHAR(320),
    phone         VARCHAR(128),
    department_id VARCHAR(64),
    last_chat_id  VARCHAR(64),
    last_chat_ts  ${timestamp},
    CONSTRAINT pk_visitors PRIMARY KEY (id)
) ${table_options};

-- findByToken; one visitor per token.
CREATE UNIQUE INDEX ux_visitors_token ON visitors (token);

-- Users: username_lower / email_lower hold the Locale.ROOT lower case that makes both unique ignoring case.
CREATE TABLE users (
    id               VARCHAR(64)  NOT NULL,
    username         VARCHAR(256) ${sort_collation} NOT NULL,
    username_lower   VARCHAR(256) NOT NULL,
    name             VARCHAR(512) ${sort_collation},
    -- SearchText.fold(name), for the text filter of the agent and manager lists.
    name_folded      VARCHAR(512),
    email            VARCHAR(320),
    email_lower      VARCHAR(320),
    email_verified   BOOLEAN,
    password_hash    VARCHAR(255) NOT NULL,
    active           BOOLEAN      NOT NULL,
    status_livechat  VARCHAR(32),
    created_at       ${timestamp} NOT NULL,
    updated_at       ${timestamp} NOT NULL,
    -- When the agent was last assigned a room: the tie-breaker of Auto_Selection.
    last_assigned_at ${timestamp},
    CONSTRAINT pk_users PRIMARY KEY (id)
) ${table_options};

-- findByUsername; usernames unique ignoring case.
CREATE UNIQUE INDEX ux_users_username_lower ON users (username_lower);
-- findByEmail; emails unique ignoring case (users without email have NULL, which never collides).
CREATE UNIQUE INDEX ux_users_email_lower ON users (email_lower);

CREATE TABLE user_roles (
    user_id  VARCHAR(64) NOT NULL,
    position INT         NOT NULL,
    role     VARCHAR(64) NOT NULL,
    CONSTRAINT pk_user_roles PRIMARY KEY (user_id, position),
    CONSTRAINT fk_user_roles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ${table_options};

-- existsWithRole, findByRole and the candidate query: users holding a role.
CREATE INDEX ix_user_roles_role ON user_roles (role, user_id);

-- Login tokens, only as base64(SHA-256(token)); the primary key serves "tokens of a user".
CREATE TABLE login_tokens (
    user_id    VARCHAR(64)  NOT NULL,
    token_hash VARCHAR(128) NOT NULL,
    created_at ${timestamp} NOT NULL,
    expires_at ${timestamp} NOT NULL,
    CONSTRAINT pk_login_tokens PRIMARY KEY (user_id, token_hash)
) ${table_options};

CREATE TABLE inquiries (
    id                VARCHAR(64)  NOT NULL,
    room_id           VARCHAR(64)  NOT NULL,
    name              VARCHAR(512) NOT NULL,
    ts                ${timestamp} NOT NULL,
    status            VARCHAR(32)  NOT NULL,
    v_id              VARCHAR(64)  NOT NULL,
    v_username        VARCHAR(256) NOT NULL,
    v_token           VARCHAR(256) NOT NULL,
    v_status          VARCHAR(32)  NOT NULL,
    v_last_message_ts ${timestamp},
    department_id     VARCHAR(64),
    queued_at         ${timestamp},
    taken_at          ${timestamp},
    source_type       VARCHAR(256) NOT NULL,
    source_alias      VARCHAR(512),
    updated_at        ${timestamp} NOT NULL,
    CONSTRAINT pk_inquiries PRIMARY KEY (id)
) ${table_options};

-- findByRoomId / deleteByRoomId; at most one inquiry per room.
CREATE UNIQUE INDEX ux_inquiries_room_id ON inquiries (room_id);

CREATE TABLE departments (
    id                   VARCHAR(64)   NOT NULL,
    name                 VARCHAR(512)  ${sort_collation} NOT NULL,
    enabled              BOOLEAN       NOT NULL,
    description          VARCHAR(2048),
    show_on_registration BOOLEAN       NOT NULL,
    show_on_offline_form BOOLEAN       NOT NULL,
    email                VARCHAR(320)  NOT NULL,
    updated_at           ${timestamp}  NOT NULL,
    CONSTRAINT pk_departments PRIMARY KEY (id)
) ${table_options};

-- findByName; department names unique (exact match).
CREATE UNIQUE INDEX ux_departments_name ON departments (name);

-- Agent links of departments; the primary key serves isAgentOf and the department filter of findCandidates.
CREATE TABLE department_agents (
    department_id VARCHAR(64)  NOT NULL,
    agent_id      VARCHAR(64)  NOT NULL,
    username      VARCHAR(256) NOT NULL,
    agent_count   INT          NOT NULL,
    sort_order    INT          NOT NULL,
    CONSTRAINT pk_department_agents PRIMARY KEY (department_id, agent_id)
) ${table_options};

-- removeAgentFromAll: every link of one agent.
CREATE INDEX ix_department_agents_agent ON department_agents (agent_id);

-- Named counters; 'guest-number' hands out N of guest-N and never goes back.
CREATE TABLE counters (
    counter_name  VARCHAR(64) NOT NULL,
    counter_value BIGINT      NOT NULL,
    CONSTRAINT pk_counters PRIMARY KEY (counter_name)
) ${table_options};

INSERT INTO counters (counter_name, counter_value) VALUES ('guest-number', 0);

-- One row, locked with SELECT ... FOR UPDATE to serialise routing decisions across server instances.
CREATE TABLE routing_lock (
    lock_id INT NOT NULL,
    CONSTRAINT pk_routing_lock PRIMARY KEY (lock_id)
) ${table_options};

INSERT INTO routing_lock (lock_id) VALUES (1);
