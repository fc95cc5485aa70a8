-- Departments, the queue and visitor erasure (issue 3): link ids, a folded department name, and the indexes behind the
-- new queries. Portable across H2, PostgreSQL and MariaDB; placeholders as in V1.

-- The _id of a department agent link (contract 2.5); the adapter writes 17 characters of the id alphabet. Links
-- written before this version get their agent id, which is unique within their department.
ALTER TABLE department_agents ADD COLUMN id VARCHAR(64);
UPDATE department_agents SET id = agent_id WHERE id IS NULL;

-- SearchText.fold(name), for the text filter of GET livechat/department. Rows written before this version get LOWER(name),
-- which equals the per-character fold for every name without special casing rules.
ALTER TABLE departments ADD COLUMN name_folded VARCHAR(512);
UPDATE departments SET name_folded = LOWER(name) WHERE name_folded IS NULL;

-- VisitorRepository.clearDepartment: the visitors of a deleted department.
CREATE INDEX ix_visitors_department ON visitors (department_id);
-- InquiryRepository.findQueued (inquiries.queued, the queue drain): queued inquiries, oldest first.
CREATE INDEX ix_inquiries_status_ts ON inquiries (status, ts);
-- InquiryRepository.clearDepartment: the inquiries of a deleted department.
CREATE INDEX ix_inquiries_department ON inquiries (department_id);
