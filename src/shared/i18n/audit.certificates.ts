import type { AuditLabels } from './audit';

/** Names of the certificates module's audited actions and entity types, for the audit log page. */
export const CERTIFICATES_AUDIT: AuditLabels = {
  actions: {
    'certificates.catalogue.create': { 'zh-CN': '新增证明事项', en: 'Add certificate catalogue item' },
    'certificates.issue': { 'zh-CN': '出具证明', en: 'Issue certificate' },
    'certificates.refuse': { 'zh-CN': '不予出具证明', en: 'Refuse certificate' },
    'certificates.pdf': { 'zh-CN': '打印证明', en: 'Print certificate' },
    'certificates.seal.use': { 'zh-CN': '用印登记', en: 'Seal use' },
    'certificates.seal.refuse': { 'zh-CN': '不予用印', en: 'Seal use refused' },
    'certificates.issue_on_behalf': {
      'zh-CN': '代办出具证明',
      en: "Issue certificate on a resident's behalf",
    },
    'certificates.refuse_on_behalf': {
      'zh-CN': '代办申请不予出具证明',
      en: "Refuse certificate asked on a resident's behalf",
    },
  },
  entityTypes: {
    cert_catalogue: { 'zh-CN': '证明事项', en: 'Certificate catalogue item' },
    cert_register: { 'zh-CN': '证明登记', en: 'Certificate register entry' },
    seal_use: { 'zh-CN': '用印记录', en: 'Seal use' },
  },
};
