import type { Locale } from './errors';

/** Error messages of the certificates module (codes `certificates.*`), merged into ERROR_MESSAGES. */
export const CERTIFICATES_ERRORS: Record<string, Record<Locale, string>> = {
  'certificates.catalogue_level': {
    'zh-CN': '证明事项目录由市、区（县）或街道（镇）维护',
    en: 'The certificate catalogue is kept by a city, district or subdistrict',
  },
  'certificates.not_community': {
    'zh-CN': '证明由社区（村）出具',
    en: 'Certificates are issued by a community or village',
  },
  'certificates.refused_own_duty': {
    'zh-CN': '不予出具（登记号{number}）：该事项属于要求出具证明的单位自身职责范围，不得要求社区出具证明',
    en: 'Refused (register {number}): the matter lies within the asking body’s own duties and may not be pushed onto the community',
  },
  'certificates.refused_joint_liability': {
    'zh-CN': '不予出具（登记号{number}）：社区印章不得用于承担经济连带责任的证明',
    en: 'Refused (register {number}): the community seal is never used for a certificate carrying economic joint liability',
  },
  'certificates.refused_no_basis': {
    'zh-CN':
      '不予出具（登记号{number}）：该事项不在证明事项目录中，要求出具证明的单位也未提供所依据的法律、法规、规章具体条款',
    en: 'Refused (register {number}): the matter is not in the catalogue and the asking body gave no specific clause of law, regulation or rule',
  },
  'certificates.clause_not_specific': {
    'zh-CN': '请写明具体条款（如“第×条”）',
    en: 'Cite the specific clause (e.g. 第×条)',
  },
  'certificates.seal_refused': {
    'zh-CN': '不予用印（登记号{number}）：社区印章不得用于法律法规明确职责外承担经济连带责任的文件',
    en: 'Seal refused (log {number}): never on a document carrying economic joint liability outside the committee’s legal duties',
  },
  'certificates.font_missing': {
    'zh-CN': '服务器缺少中文字体，暂不能生成证明文件',
    en: 'The server has no CJK font to render the certificate',
  },
  'certificates.not_issued': {
    'zh-CN': '该申请未出具证明',
    en: 'No certificate was issued for this request',
  },
  'certificates.proxy_resident_only': {
    'zh-CN': '代办证明只能以居民本人为申请人',
    en: "A certificate asked for on a resident's behalf must name the resident as requester",
  },
};
