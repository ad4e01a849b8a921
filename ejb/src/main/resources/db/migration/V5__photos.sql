-- People's photos from the directory (jpegPhoto, or thumbnailPhoto on Active Directory) are files under the data
-- directory; the employee row keeps the hash of the current one (null: no photo), which also names its version.
ALTER TABLE employee ADD COLUMN photo_hash VARCHAR(64);
