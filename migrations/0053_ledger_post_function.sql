-- One ledger posting in one round trip (src/server/modules/ledger/ledger.core.ts, postTransaction).
-- The accounts are locked, checked, written and released by the database alone: the row locks of a
-- busy account (a community issuing points, a merchant) are no longer held across round trips to the
-- application, and the plans are kept per connection. The caller validates the shape (balanced per unit,
-- amounts) and writes the audit row from the answer, in the same statement.
--
-- p_entries: [{"n": 0, "account_id": "…", "unit": "points", "amount": -5}, …] in posting order.
-- Answers one of:
--   {"id": "…", "org_path": "…"}                      posted
--   {"duplicate": "…"} / {"duplicate": null}          the key was already used (null: by a transaction
--                                                     that committed while this one inserted)
--   {"refused": "account_not_found", "account_id": "…"}
--   {"refused": "unit_mismatch", "account_id": "…", "unit": "…"}
--   {"refused": "insufficient_balance" | "cap_exceeded", "account_id", "name", "balance", "cap", "unit", "delta"}
-- Nothing is written unless it answers "id".
CREATE FUNCTION "ledger_post"(
  p_id uuid,
  p_key text,
  p_kind text,
  p_memo text,
  p_source_type text,
  p_source_id text,
  p_activity_type text,
  p_reverses_id uuid,
  p_occurred_at timestamptz,
  p_actor_id uuid,
  p_actor_name text,
  p_now timestamptz,
  p_entries jsonb
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_accounts ledger_accounts[];
  v_existing uuid;
  v_bad record;
  v_path text;
  v_inserted uuid;
BEGIN
  -- Locks in ascending id order (concurrent postings never deadlock) and keeps the locked rows: a busy
  -- account's row is looked up twice per posting (here and in the update), not once per check.
  SELECT array_agg(l.a) INTO v_accounts FROM (
    SELECT a FROM ledger_accounts a
      WHERE a.id IN (SELECT e.account_id FROM jsonb_to_recordset(p_entries) AS e(account_id uuid))
      ORDER BY a.id FOR UPDATE) l(a);
  -- Read after the locks: a retry with the same key that committed meanwhile is found here.
  SELECT id INTO v_existing FROM ledger_transactions WHERE idempotency_key = p_key;
  IF FOUND THEN
    RETURN jsonb_build_object('duplicate', v_existing);
  END IF;

  SELECT e.account_id, e.unit, a.id IS NULL AS missing INTO v_bad
    FROM jsonb_to_recordset(p_entries) AS e(n int, account_id uuid, unit text)
    LEFT JOIN unnest(v_accounts) a ON a.id = e.account_id
    WHERE a.id IS NULL OR a.unit <> e.unit
    ORDER BY e.n LIMIT 1;
  IF FOUND THEN
    IF v_bad.missing THEN
      RETURN jsonb_build_object('refused', 'account_not_found', 'account_id', v_bad.account_id);
    END IF;
    RETURN jsonb_build_object('refused', 'unit_mismatch', 'account_id', v_bad.account_id, 'unit', v_bad.unit);
  END IF;

  -- A holder account may not go below zero, nor a capped one above its cap (only the direction that moves
  -- it there is refused).
  SELECT a.id, a.name, a.balance, a.cap, a.unit, d.delta,
      (a.balance + d.delta < 0 AND NOT a.credit AND d.delta < 0) AS overdrawn INTO v_bad
    FROM (SELECT e.account_id, sum(e.amount)::int AS delta, min(e.n) AS first
          FROM jsonb_to_recordset(p_entries) AS e(n int, account_id uuid, amount int)
          GROUP BY e.account_id) d
    JOIN unnest(v_accounts) a ON a.id = d.account_id
    WHERE (a.balance + d.delta < 0 AND NOT a.credit AND d.delta < 0)
       OR (a.cap IS NOT NULL AND a.balance + d.delta > a.cap AND d.delta > 0)
    ORDER BY d.first LIMIT 1;
  IF FOUND THEN
    RETURN jsonb_build_object(
      'refused', CASE WHEN v_bad.overdrawn THEN 'insufficient_balance' ELSE 'cap_exceeded' END,
      'account_id', v_bad.id, 'name', v_bad.name, 'balance', v_bad.balance, 'cap', v_bad.cap,
      'unit', v_bad.unit, 'delta', v_bad.delta);
  END IF;

  -- The transaction belongs where its first holder account is (else where its first account is).
  SELECT a.org_path INTO v_path
    FROM jsonb_to_recordset(p_entries) AS e(n int, account_id uuid)
    JOIN unnest(v_accounts) a ON a.id = e.account_id
    ORDER BY a.credit, e.n LIMIT 1;

  INSERT INTO ledger_transactions (id, idempotency_key, kind, memo, source_type, source_id, activity_type,
      reverses_id, occurred_at, org_path, actor_id, actor_name, created_at)
    VALUES (p_id, p_key, p_kind, p_memo, p_source_type, p_source_id, p_activity_type, p_reverses_id,
      p_occurred_at, v_path, p_actor_id, p_actor_name, p_now)
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id INTO v_inserted;
  IF v_inserted IS NULL THEN
    RETURN jsonb_build_object('duplicate', NULL);
  END IF;

  -- Entries in posting order (their seq gives statements a running balance), then the cached balances.
  INSERT INTO ledger_entries (transaction_id, account_id, unit, amount, balance_after, created_at)
    SELECT p_id, e.account_id, e.unit, e.amount,
        a.balance + sum(e.amount) OVER (PARTITION BY e.account_id ORDER BY e.n), p_now
      FROM jsonb_to_recordset(p_entries) AS e(n int, account_id uuid, unit text, amount int)
      JOIN unnest(v_accounts) a ON a.id = e.account_id
      ORDER BY e.n;
  UPDATE ledger_accounts a SET balance = a.balance + d.delta, updated_at = p_now
    FROM (SELECT e.account_id, sum(e.amount)::int AS delta
          FROM jsonb_to_recordset(p_entries) AS e(account_id uuid, amount int)
          GROUP BY e.account_id) d
    WHERE a.id = d.account_id AND d.delta <> 0;
  RETURN jsonb_build_object('id', p_id, 'org_path', v_path);
END $$;
