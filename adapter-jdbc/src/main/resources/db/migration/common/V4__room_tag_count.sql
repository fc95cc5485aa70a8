-- How many tags a room has, next to has_survey_feedback: a room read (GET livechat/room, every page of chatHistory
-- and searchChats) queries room_tags only when one of its rooms has tags, instead of for every read. Before, the tags
-- statement was one of the three statements of GET livechat/room for an open room (which has no tags).
ALTER TABLE rooms ADD COLUMN tag_count INT DEFAULT 0 NOT NULL;
UPDATE rooms SET tag_count = (SELECT COUNT(*) FROM room_tags t WHERE t.room_id = rooms.id);
