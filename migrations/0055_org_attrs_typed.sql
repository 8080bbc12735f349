-- Org unit attributes entered through the console were stored as text ("true", "1350"); the modules that
-- read them (social-orgs' urban villages among them) expect a JSON boolean or number. Type the listed keys
-- (src/shared/orgAttrs.ts) in place; a value that does not fit is left as it is.
UPDATE "org_units" AS u
SET "attrs" = (
  SELECT jsonb_object_agg(
    e.key,
    CASE
      WHEN e.key IN ('urbanVillage', 'hasSubStation', 'demonstration')
        AND e.value IN ('"true"'::jsonb, '"false"'::jsonb)
        THEN to_jsonb((e.value #>> '{}')::boolean)
      WHEN e.key IN ('distanceToCentreM', 'subStationStaff', 'elderlyCareFacilities', 'floors', 'unitsPerFloor', 'demonstrationSince')
        AND jsonb_typeof(e.value) = 'string'
        AND (e.value #>> '{}') ~ '^\s*-?[0-9]+(\.[0-9]+)?\s*$'
        THEN to_jsonb(trim(e.value #>> '{}')::numeric)
      ELSE e.value
    END
  )
  FROM jsonb_each(u."attrs") AS e
)
WHERE jsonb_typeof(u."attrs") = 'object'
  AND EXISTS (SELECT 1 FROM jsonb_each(u."attrs") AS e WHERE jsonb_typeof(e.value) = 'string');
