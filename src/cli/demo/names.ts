/** Material for synthetic residents: common surnames and given-name characters. */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
export const GIVEN_MALE =
  '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林斌志国建文亮成春东海'.split('');
export const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀玲燕婷桂英红梅琳雪颖倩萍慧莉兰凤洁琴云晶欣怡悦玉珍'.split('');
export const COMPOUND_WORDS = [
  '铜花',
  '新星',
  '陆家',
  '团城',
  '幸福',
  '和平',
  '阳光',
  '翠竹',
  '金桥',
  '锦绣',
  '康乐',
  '红旗',
  '友谊',
  '建设',
  '胜利',
  '大冶湖',
  '矿冶',
  '青山',
  '南苑',
  '北苑',
];
