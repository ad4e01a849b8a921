-- Media uploaded through the API before the post that carries them: an attachment without a post yet belongs to
-- its uploader alone (uploader_id), and unattached uploads older than a day are removed.
ALTER TABLE attachment ALTER COLUMN post_id DROP NOT NULL;
ALTER TABLE attachment ADD COLUMN uploader_id BIGINT;
ALTER TABLE attachment ADD CONSTRAINT attachment_uploader_fk FOREIGN KEY (uploader_id) REFERENCES employee (id);
CREATE INDEX attachment_uploader_idx ON attachment (uploader_id, created_at);
