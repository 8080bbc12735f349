import { describe, expect, it } from 'vitest';
import { isPinyinQuery, matchesName, simplifiedQuery } from './nameMatch';

describe('people pickers find a name by characters, pinyin, initials or traditional characters', () => {
  it('finds 张三 by 张, zs, zhangsan, ZhangSan, zhangs and 張三', () => {
    for (const q of ['张', '张三', 'zs', 'zhangsan', 'ZhangSan', 'zhang san', 'zhangs', '張三', '三'])
      expect(matchesName('张三', q), q).toBe(true);
  });
  it('matches inside a picker label and in the middle of a name', () => {
    expect(matchesName('张三（铜都社区 1幢）', 'zs')).toBe(true);
    expect(matchesName('欧阳明华', 'mh')).toBe(true);
    expect(matchesName('欧阳明华', 'minghua')).toBe(true);
  });
  it('does not match another name', () => {
    for (const q of ['ls', 'lisi', '李四', '李', 'zx', 'sz']) expect(matchesName('张三', q), q).toBe(false);
  });
  it('an empty query matches everything; non-Chinese names still match by substring', () => {
    expect(matchesName('张三', '  ')).toBe(true);
    expect(matchesName('Tom Lee', 'tom')).toBe(true);
    expect(matchesName('Tom Lee', 'zs')).toBe(false);
  });
  it('turns a traditional query into simplified for the server, and tells pinyin queries apart', () => {
    expect(simplifiedQuery('張三')).toBe('张三');
    expect(simplifiedQuery('138')).toBe('138');
    expect(isPinyinQuery('zhang san')).toBe(true);
    expect(isPinyinQuery('张三')).toBe(false);
    expect(isPinyinQuery('1380')).toBe(false);
  });
});
