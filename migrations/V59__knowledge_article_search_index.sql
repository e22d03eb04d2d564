-- The Knowledge page's article search ("title ilike '%word%' or source_name ilike '%word%'") can use no ordinary
-- index: a rare word was found by testing every article. Trigram indexes on both columns find the few articles holding
-- it directly (case-insensitive LIKE and ILIKE alike).
--
-- As in V58: where pg_trgm cannot be created the migration still succeeds, the search keeps working by testing every
-- article, and the notice says how to add the indexes later.
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
        raise notice 'Article search stays without its indexes: the extension pg_trgm could not be created (%). To add them, '
            'the database''s owner (from PostgreSQL 13) or a superuser runs "create extension pg_trgm;" in this database, '
            'then "create index knowledge_articles_title_trgm_idx on knowledge_articles using gin (title gin_trgm_ops);" '
            'and "create index knowledge_articles_source_name_trgm_idx on knowledge_articles using gin (source_name gin_trgm_ops);"', sqlerrm;
    end;
    -- Found wherever the extension lives (it may have been created earlier in another schema).
    select quote_ident(n.nspname) || '.gin_trgm_ops' into trigram_ops
    from pg_opclass c
    join pg_am a on a.oid = c.opcmethod and a.amname = 'gin'
    join pg_namespace n on n.oid = c.opcnamespace
    where c.opcname = 'gin_trgm_ops'
    limit 1;
    if trigram_ops is not null then
        execute format('create index if not exists knowledge_articles_title_trgm_idx on knowledge_articles using gin (title %s)', trigram_ops);
        execute format('create index if not exists knowledge_articles_source_name_trgm_idx on knowledge_articles using gin (source_name %s)', trigram_ops);
    end if;
end
$$;
