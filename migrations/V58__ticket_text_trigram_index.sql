-- A search of the tickets' text ("t.text ilike '%word%'") can use no ordinary index: a rare word was found by testing
-- every ticket. A trigram index finds the few tickets holding it directly (case-insensitive LIKE and ILIKE alike).
--
-- pg_trgm ships with PostgreSQL and is a trusted extension from PostgreSQL 13: the owner of the database may create it
-- without being a superuser. Where it cannot be created (an older server, a user without the right, a server built
-- without the contrib modules) the migration still succeeds: the search keeps working, testing every ticket as before,
-- and the notice says how to add the index later.
do $$
declare
    trigram_ops text;
begin
    begin
        -- Asked first rather than "if not exists", whose notice a command would print as a warning on every new database.
        if not exists (select 1 from pg_extension where extname = 'pg_trgm') then
            create extension pg_trgm;
        end if;
    exception when others then
        raise notice 'Ticket search stays without its index: the extension pg_trgm could not be created (%). To add it, '
            'the database''s owner (from PostgreSQL 13) or a superuser runs "create extension pg_trgm;" in this database, '
            'then "create index tickets_text_trgm_idx on tickets using gin (text gin_trgm_ops);"', sqlerrm;
    end;
    -- Found wherever the extension lives (it may have been created earlier in another schema).
    select quote_ident(n.nspname) || '.gin_trgm_ops' into trigram_ops
    from pg_opclass c
    join pg_am a on a.oid = c.opcmethod and a.amname = 'gin'
    join pg_namespace n on n.oid = c.opcnamespace
    where c.opcname = 'gin_trgm_ops'
    limit 1;
    if trigram_ops is not null then
        execute format('create index if not exists tickets_text_trgm_idx on tickets using gin (text %s)', trigram_ops);
    end if;
end
$$;
