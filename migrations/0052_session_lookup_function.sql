-- The session lookup every authenticated request starts with (src/server/platform/auth.ts, sessionOf).
-- As a PL/pgSQL function its plan is prepared once per connection and reused; as a plain statement it
-- was planned on every request, which cost more than running it (a join, a left join and a subquery).
CREATE FUNCTION "session_of"("session_id" text)
RETURNS TABLE (
  "csrf_token" text,
  "last_seen_at" float8,
  "expires_at" float8,
  "id" uuid,
  "username" text,
  "display_name" text,
  "locale" text,
  "active" boolean,
  "is_demo" boolean,
  "enabled_at" float8,
  "roles" json
) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT s.csrf_token, (extract(epoch FROM s.last_seen_at) * 1000)::float8,
    (extract(epoch FROM s.expires_at) * 1000)::float8,
    u.id, u.username, u.display_name, u.locale, u.active, u.is_demo,
    (extract(epoch FROM tf.enabled_at) * 1000)::float8,
    coalesce((SELECT json_agg(json_build_array(r.role, r.org_unit_id, o.path, o.name))
      FROM user_roles r LEFT JOIN org_units o ON o.id = r.org_unit_id WHERE r.user_id = u.id), '[]'::json)
  FROM sessions s JOIN users u ON u.id = s.user_id
    LEFT JOIN user_two_factor tf ON tf.user_id = s.user_id
  WHERE s.id = session_id;
END $$;
