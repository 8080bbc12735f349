/** UI strings of the audit log page's integrity check (keys `audit.verify.*`), merged into the dictionaries. */
export const auditZh = {
  'audit.verify.run': '校验完整性',
  'audit.verify.ok': '审计记录完整，未发现篡改',
  'audit.verify.broken': '审计记录已被篡改',
  'audit.verify.counts': '已封存 {sealed} 条（已链入哈希链），待封存 {pending} 条（最近写入，数秒内封存）',
  'audit.verify.checkedUntil': '问题之前的 {checked} 条记录校验通过；待封存 {pending} 条',
  'audit.verify.checkpoint': '已与签名检查点核对：{pos} 条，{at}（{source}）',
  'audit.verify.noCheckpoint': '尚无签名检查点',
  'audit.verify.source.file': '检查点文件',
  'audit.verify.source.table': '数据库',
  'audit.verify.fileMissing': '未找到检查点文件，仅与数据库中的检查点核对',
  'audit.verify.where': '问题位置：第 {pos} 条',
  'audit.verify.reason.hash_mismatch': '有记录的内容被修改',
  'audit.verify.reason.broken_link': '有记录被删除或调换了顺序',
  'audit.verify.reason.head_mismatch': '链尾与封存状态不符（最新的记录被删除或封存状态被改动）',
  'audit.verify.reason.checkpoint_mismatch': '签名检查点记载的记录已不在链中（末尾记录被截断或日志被清空）',
  'audit.verify.reason.checkpoint_invalid': '签名检查点的签名无效（被伪造或改动）',
} as const;

export const auditEn: Record<keyof typeof auditZh, string> = {
  'audit.verify.run': 'Verify integrity',
  'audit.verify.ok': 'The audit trail is intact',
  'audit.verify.broken': 'The audit trail has been tampered with',
  'audit.verify.counts':
    '{sealed} records sealed (in the hash chain), {pending} pending (written recently, sealed within seconds)',
  'audit.verify.checkedUntil': '{checked} records verified before the problem; {pending} pending',
  'audit.verify.checkpoint': 'Checked against the signed checkpoint of {pos} records, {at} ({source})',
  'audit.verify.noCheckpoint': 'No signed checkpoint yet',
  'audit.verify.source.file': 'checkpoint file',
  'audit.verify.source.table': 'database',
  'audit.verify.fileMissing':
    'Checkpoint file not found: checked against the checkpoints in the database only',
  'audit.verify.where': 'At record {pos}',
  'audit.verify.reason.hash_mismatch': 'A record was changed',
  'audit.verify.reason.broken_link': 'A record was deleted or records were reordered',
  'audit.verify.reason.head_mismatch':
    'The chain does not end where the seal state says (newest records deleted, or the state altered)',
  'audit.verify.reason.checkpoint_mismatch':
    'Records vouched for by a signed checkpoint are gone (the tail was cut or the trail emptied)',
  'audit.verify.reason.checkpoint_invalid': 'A checkpoint has an invalid signature (forged or altered)',
};
