-- Auto_Selection's load figure (contract 6.2: fewest open rooms) as a counter on the agent's row instead of a count
-- over rooms at every routing decision: that count read every open room of the agent (ix_rooms_served_by_open) under
-- the routing lock, so opening a room got slower with every room the agent already served. JdbcRoomRepository keeps
-- the counter in the same transaction as each room write that opens, closes, assigns or moves a served room.
ALTER TABLE users ADD COLUMN open_rooms INT DEFAULT 0 NOT NULL;
UPDATE users SET open_rooms = (SELECT COUNT(*) FROM rooms r WHERE r.served_by_id = users.id AND r.is_open = TRUE);
