-- Erasing a former employee's personal data (docs/administration.md): when an administrator erased it. The row stays,
-- so that the person's posts keep an author, under a neutral name ("Former employee #<id>") and a login
-- ("former-employee-<id>") that no directory entry matches; every personal column is emptied.
ALTER TABLE employee ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
