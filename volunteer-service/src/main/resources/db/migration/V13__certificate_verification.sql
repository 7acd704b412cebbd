-- A certificate people can trust: the star level it attests, the unguessable code its QR code carries to the public
-- verification, and the PDF as issued with its SHA-256, so that a copy can be checked for alterations.
ALTER TABLE hours_certificate
    ADD COLUMN star_level        SMALLINT CHECK (star_level BETWEEN 0 AND 5),
    ADD COLUMN verification_code TEXT UNIQUE,
    -- Rendered at issue (certificates issued before this version: at their first reading); dropped when the
    -- volunteer's personal data is erased, as it carries their name.
    ADD COLUMN pdf               BYTEA,
    ADD COLUMN pdf_sha256        TEXT CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$');

-- Certificates issued before: the star level the volunteer has now, the nearest there is; a code of 244 random bits.
UPDATE hours_certificate c SET star_level = COALESCE(
        (SELECT h.star_level FROM volunteer_hours h WHERE h.volunteer_id = c.volunteer_id), 0),
    verification_code = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');

ALTER TABLE hours_certificate
    ALTER COLUMN star_level SET NOT NULL,
    ALTER COLUMN verification_code SET NOT NULL,
    ADD CHECK ((pdf IS NULL) = (pdf_sha256 IS NULL));
