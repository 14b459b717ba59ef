ALTER TABLE storetest_items ADD COLUMN note VARCHAR(50);
