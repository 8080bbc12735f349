/** UI strings of residents' ratings of doorstep projects (keys `projects.doorstep.rating.*`), merged into doorstepZh/En. */
export const doorstepRatingsZh = {
  'projects.doorstep.rating.title': '居民评价',
  'projects.doorstep.rating.summary': '平均{avg}星，共{n}人评价',
  'projects.doorstep.rating.none': '暂无居民评价',
  'projects.doorstep.rating.noComment': '（未填写评语）',
  'projects.doorstep.rating.hint': '项目进入“项目实施”环节后，本社区居民可在手机上评价；评价人姓名已隐去。',
  'projects.doorstep.rating.phoneSummary': '居民评价：{avg}星（{n}人）',
  'projects.doorstep.rating.phoneNone': '暂无评价',
  'projects.doorstep.rating.rate': '我要评价',
  'projects.doorstep.rating.rerate': '修改评价',
  'projects.doorstep.rating.mine': '我的评价：{stars}星',
  'projects.doorstep.rating.ask': '给这个项目打分',
  'projects.doorstep.rating.comment': '评语（选填，200字以内）',
  'projects.doorstep.rating.submit': '提交评价',
  'projects.doorstep.rating.saved': '评价已提交，谢谢您的参与',
  'projects.doorstep.rating.notYet': '项目实施后可以评价',
};

export const doorstepRatingsEn: Record<keyof typeof doorstepRatingsZh, string> = {
  'projects.doorstep.rating.title': 'Residents’ ratings',
  'projects.doorstep.rating.summary': 'Average {avg} stars from {n} residents',
  'projects.doorstep.rating.none': 'No ratings from residents yet',
  'projects.doorstep.rating.noComment': '(no comment)',
  'projects.doorstep.rating.hint':
    'Residents of the community rate the project on the phone once it reached implementation; names are masked.',
  'projects.doorstep.rating.phoneSummary': 'Residents’ rating: {avg} stars ({n})',
  'projects.doorstep.rating.phoneNone': 'Not rated yet',
  'projects.doorstep.rating.rate': 'Rate it',
  'projects.doorstep.rating.rerate': 'Change my rating',
  'projects.doorstep.rating.mine': 'My rating: {stars} stars',
  'projects.doorstep.rating.ask': 'Rate this project',
  'projects.doorstep.rating.comment': 'Comment (optional, at most 200 characters)',
  'projects.doorstep.rating.submit': 'Submit',
  'projects.doorstep.rating.saved': 'Thank you for your rating',
  'projects.doorstep.rating.notYet': 'Can be rated once in implementation',
};
