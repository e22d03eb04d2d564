-- Encoders by name, one per model version. An encoder id now also names the pooling
-- ("name@weights/mean", "bge-small-en-v1.5@…/cls"); every vector stored before was mean pooled.
alter table embeddings alter column encoder_id type varchar(160);
alter table model_versions alter column encoder_id type varchar(160);
update embeddings set encoder_id = encoder_id || '/mean' where encoder_id not like '%/%';
update model_versions set encoder_id = encoder_id || '/mean' where encoder_id not like '%/%';

-- Where a version's encoder came from (a catalogue name or a folder), so that the version is served
-- and evaluated by its own encoder whatever the workspace uses for new versions.
alter table model_versions add column encoder_source varchar(1000);
update model_versions set encoder_source = 'all-MiniLM-L6-v2' where encoder_id like 'all-MiniLM-L6-v2@%';
