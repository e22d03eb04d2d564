-- Knowledge base: articles imported by admins, split into passages with the encoder's vector of each.
create table knowledge_articles (
    id           bigserial    primary key,
    -- What makes a re-import the same article: its id, else its url, else its title (lower-cased).
    article_key  varchar(1000) not null unique,
    title        text         not null,
    url          text,
    format       varchar(16)  not null check (format in ('markdown', 'html', 'jsonl')),
    source_name  text,
    body_chars   integer      not null,
    imported_by  varchar(64),
    imported_at  timestamptz  not null default now()
);

create table knowledge_passages (
    id          bigserial    primary key,
    article_id  bigint       not null references knowledge_articles(id) on delete cascade,
    position    integer      not null,
    heading     text,
    text        text         not null,
    -- The encoder the vector came from: after a change of encoder, passages of the old one are embedded again.
    encoder_id  varchar(300) not null,
    -- float32 little-endian, L2-normalised; read in bulk into one in-memory matrix per instance.
    vector      bytea        not null,
    unique (article_id, position)
);
create index knowledge_passages_encoder on knowledge_passages (encoder_id);

-- One row, bumped by every change of articles or passages: instances compare it with their matrix's in one read.
create table knowledge_generation (
    id          integer primary key check (id = 1),
    generation  bigint  not null
);
insert into knowledge_generation (id, generation) values (1, 0);
