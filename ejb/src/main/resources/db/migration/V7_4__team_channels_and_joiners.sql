-- Team channels and joiners. Each sync records what it did to team channels and how many newcomers it welcomed.
ALTER TABLE directory_sync ADD COLUMN teams_seen INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE directory_sync ADD COLUMN channels_created INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE directory_sync ADD COLUMN channels_updated INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE directory_sync ADD COLUMN channels_archived INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE directory_sync ADD COLUMN members_added INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE directory_sync ADD COLUMN members_removed INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE directory_sync ADD COLUMN welcomed INTEGER DEFAULT 0 NOT NULL;

-- onboarded_at: when the sync gave a newcomer their start (they follow their manager and team colleagues), or
-- found them already there at Babillard's first sync. welcomed_at: when their welcome was settled (a post by
-- their manager, or none without one), so that it happens once. Everyone Babillard knew before is settled.
ALTER TABLE employee ADD COLUMN onboarded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE employee ADD COLUMN welcomed_at TIMESTAMP WITH TIME ZONE;
UPDATE employee SET onboarded_at = CURRENT_TIMESTAMP, welcomed_at = CURRENT_TIMESTAMP;
