-- The welcome at a first login (docs/onboarding.md): when the person finished or skipped it. Null: they have not
-- seen it yet, and the home page offers it once per session until they finish or skip it.
ALTER TABLE employee ADD COLUMN tour_done_at TIMESTAMP WITH TIME ZONE;

-- People who had already logged in to Babillard before this version know their way around: nobody who used
-- Babillard before (posted or not) is sent through a tour of it. Only people who never logged in get the welcome.
UPDATE employee SET tour_done_at = first_login WHERE first_login IS NOT NULL;
