-- The colour theme a person chose for Babillard's pages: 'light' or 'dark'; NULL follows the device's setting
-- (prefers-color-scheme) until they choose.
ALTER TABLE employee ADD COLUMN theme VARCHAR(8);
