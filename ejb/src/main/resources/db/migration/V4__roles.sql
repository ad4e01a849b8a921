-- The roles the directory gives each person (employee, hr, admin), as of the last login or sync, so that a
-- change is noticed: the person's sessions then end and the next login carries the new roles.
ALTER TABLE employee ADD COLUMN roles VARCHAR(255);
