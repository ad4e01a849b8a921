-- The people directory: a searchable text per person (name, title, department, site, login), in lower case
-- without accents, so that "helene" finds "Hélène". Filled by the directory sync and at each login.
ALTER TABLE employee ADD COLUMN search_text VARCHAR(1200);
