-- A person's current status ("in a workshop until 3 pm"), set by themselves, with an optional expiry. An expired
-- status is simply not shown: reads compare status_until with the clock, no job clears it.
-- 80 code points can take up to 160 UTF-16 units (emoji); 400 leaves room on every database.
ALTER TABLE employee ADD COLUMN status_text VARCHAR(400);
ALTER TABLE employee ADD COLUMN status_until TIMESTAMP WITH TIME ZONE;
