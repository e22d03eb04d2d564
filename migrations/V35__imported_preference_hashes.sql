-- An imported preference pair is stored once: importing the same file again, or a pair again, adds nothing.
alter table imported_preferences add column pair_hash varchar(64);
update imported_preferences set pair_hash = encode(sha256(convert_to(prompt || chr(31) || chosen || chr(31) || rejected, 'UTF8')), 'hex');
delete from imported_preferences a using imported_preferences b where a.pair_hash = b.pair_hash and a.id > b.id;
create unique index imported_preferences_pair on imported_preferences (pair_hash);
