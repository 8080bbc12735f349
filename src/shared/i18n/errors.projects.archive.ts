import type { Locale } from './errors';

/**
 * What a refused project file upload says, for the archive's codes and doorstep projects' alike: both are
 * checked by one `checkedUpload` and limited in size by their multipart reader (server projects.upload.ts).
 */
export const PROJECT_UPLOAD_MESSAGES = {
  noteTooLong: { 'zh-CN': '说明不能超过{max}字', en: 'The note may have at most {max} characters' },
  fileRequired: { 'zh-CN': '请选择要上传的文件', en: 'Choose a file to upload' },
  fileTooLarge: { 'zh-CN': '文件不能超过{mb}MB', en: 'The file may be at most {mb} MB' },
} satisfies Record<string, Record<Locale, string>>;

/** Error messages of the projects archive (R-PJ-3), merged into PROJECTS_ERRORS. */
export const PROJECTS_ARCHIVE_ERRORS: Record<string, Record<Locale, string>> = {
  'projects.archive_not_selected': {
    'zh-CN': '项目入选后才能上传档案资料',
    en: 'Archive files can be added once the project is selected',
  },
  'projects.archive_category': {
    'zh-CN': '请选择档案类别',
    en: 'Choose an archive category',
  },
  'projects.archive_note_too_long': PROJECT_UPLOAD_MESSAGES.noteTooLong,
  'projects.archive_file_required': PROJECT_UPLOAD_MESSAGES.fileRequired,
  'projects.archive_file_too_large': PROJECT_UPLOAD_MESSAGES.fileTooLarge,
  'projects.archive_file_type': {
    'zh-CN':
      '仅支持照片（JPG、PNG、WebP）、视频（MP4、MOV、WebM）、音频（MP3、M4A、WAV、AMR、OGG）和文档（PDF、Word、Excel、PPT）',
    en: 'Only photos (JPG, PNG, WebP), video (MP4, MOV, WebM), audio (MP3, M4A, WAV, AMR, OGG) and documents (PDF, Word, Excel, PowerPoint) are accepted',
  },
  'projects.archive_remove_closed': {
    'zh-CN': '项目已提交结项总结，档案资料不能再删除',
    en: 'Archive items can no longer be removed once the closing summary is filed',
  },
  'projects.archive_already_removed': {
    'zh-CN': '该档案资料已删除',
    en: 'This archive item was already removed',
  },
};
