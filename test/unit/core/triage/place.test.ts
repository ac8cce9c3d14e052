import { describe, it, expect } from 'vitest';
import { cnToNumber, correctedPlace, extractPlace, findSpot, stripPlaceMentions } from '../../../../src/core/triage/place.ts';

describe('cnToNumber', () => {
  it.each([
    ['3', 3],
    ['03', 3],
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['九十九', 99],
  ])('%s → %d', (s, n) => expect(cnToNumber(s)).toBe(n));

  it.each(['二三', '十十', '百', '', '零十'])('rejects %s', (s) => expect(cnToNumber(s)).toBeNull());
});

describe('extractPlace — the glossary case', () => {
  it('finds building 20, room 107 and describes the spot faithfully', () => {
    const p = extractPlace('20号楼107室门口的这个污水井盖破损严重,快塌下去了,物业能否帮忙更换一下?');
    expect(p.building).toBe('20');
    expect(p.room).toBe('107');
    expect(p.unit).toBeUndefined();
    expect(p.text).toContain('20号楼107室');
    expect(p.text).toBe('20号楼107室门口');
  });
});

describe('extractPlace — buildings', () => {
  it.each([
    ['3栋电梯坏了', '3'],
    ['20号楼的路灯不亮', '20'],
    ['三号楼楼下好多垃圾', '3'],
    ['20幢门口积水', '20'],
    ['5座的门禁坏了', '5'],
    ['B栋漏水', 'B'],
    ['b座电梯', 'B'],
    ['十二栋', '12'],
    ['二十三号楼', '23'],
    ['第三栋', '3'],
    ['03栋', '3'],
    ['20#楼门口', '20'],
    ['B2栋', 'B2'],
    ['3 栋 楼道', '3'],
  ])('%s → building %s', (text, building) => {
    expect(extractPlace(text).building).toBe(building);
  });

  it('takes the first building when several are mentioned', () => {
    expect(extractPlace('3栋和5栋之间的路灯坏了').building).toBe('3');
  });

  it('treats floors as floors, not buildings', () => {
    expect(extractPlace('电梯卡在5楼').building).toBeUndefined();
    expect(extractPlace('我住12层，水压太低').building).toBeUndefined();
    expect(extractPlace('五楼有人在楼道堆杂物').building).toBeUndefined();
    const p = extractPlace('3号楼的电梯坏了 卡在5楼');
    expect(p.building).toBe('3');
    expect(p.text).toBe('3号楼');
  });

  it('keeps a floor next to its building in the description', () => {
    expect(extractPlace('3栋5楼楼道灯坏了')).toEqual({ building: '3', text: '3栋5楼楼道' });
  });

  it('does not read a count of buildings as building 1', () => {
    expect(extractPlace('一栋楼都停电了').building).toBeUndefined();
    expect(extractPlace('两栋楼之间的路灯').building).toBeUndefined();
  });
});

describe('extractPlace — units and rooms', () => {
  it.each([
    ['2单元门禁坏了', '2'],
    ['二单元楼道', '2'],
    ['十单元', '10'],
  ])('%s → unit %s', (text, unit) => expect(extractPlace(text).unit).toBe(unit));

  it('reads 502室 / 1201房间 / 107号房', () => {
    expect(extractPlace('502室楼上漏水').room).toBe('502');
    expect(extractPlace('1201房间有噪音').room).toBe('1201');
    expect(extractPlace('107号房门口').room).toBe('107');
  });

  it('reads the bare room after building and unit', () => {
    expect(extractPlace('3栋2单元502漏水')).toEqual({ building: '3', unit: '2', room: '502', text: '3栋2单元502' });
    expect(extractPlace('5栋1203卫生间渗水')).toMatchObject({ building: '5', room: '1203' });
    expect(extractPlace('3栋 的 502')).toMatchObject({ building: '3', room: '502' });
  });

  it('reads the dash style 20-107 and 3-2-502', () => {
    expect(extractPlace('20-107门口井盖坏了')).toEqual({ building: '20', room: '107', text: '20-107门口' });
    expect(extractPlace('我是3-2-502的业主')).toMatchObject({ building: '3', unit: '2', room: '502' });
  });

  it('does not take money, times or years after a building as a room', () => {
    expect(extractPlace('3栋500元').room).toBeUndefined();
    expect(extractPlace('3栋2026年').room).toBeUndefined();
    expect(extractPlace('3栋1030点').room).toBeUndefined();
  });
});

describe('extractPlace — named spots', () => {
  it.each([
    ['东门的栏杆坏了', '东门'],
    ['西门口有人乱停车', '西门口'],
    ['地下车库积水', '地下车库'],
    ['地库的灯不亮', '地库'],
    ['B2积水严重', 'B2'],
    ['车棚里的电动车在充电', '车棚'],
    ['垃圾站好臭', '垃圾站'],
    ['垃圾房没人清理', '垃圾房'],
    ['小区门口有人摆摊', '小区门口'],
    ['楼道里堆满杂物', '楼道'],
    ['天台门没锁', '天台'],
    ['广场舞太吵了', '广场'],
    ['健身区的器材坏了', '健身区'],
    ['快递柜打不开', '快递柜'],
    ['消防通道被堵', '消防通道'],
    ['绿化带里有死猫', '绿化带'],
    ['幼儿园门口的井盖', '幼儿园门口'],
  ])('%s → text %s', (text, spot) => {
    expect(extractPlace(text)).toEqual({ text: spot });
  });

  it('appends a spot right after a building', () => {
    expect(extractPlace('5号楼地库入口积水')).toEqual({ building: '5', text: '5号楼地库' });
    expect(extractPlace('3栋的楼道灯坏了').text).toBe('3栋的楼道');
  });

  it('findSpot gives the canonical name', () => {
    expect(findSpot('地下车库入口积水')?.canonical).toBe('地库');
    expect(findSpot('b2停车场')?.canonical).toBe('地库');
    expect(findSpot('垃圾房')?.canonical).toBe('垃圾站');
    expect(findSpot('今天天气不错')).toBeUndefined();
  });

  it('does not take B2 inside a building name or a longer code for the garage', () => {
    expect(findSpot('B2栋')).toBeUndefined();
    expect(findSpot('AB23')).toBeUndefined();
  });
});

describe('extractPlace — no false positives', () => {
  it.each([
    '晚上10点还在装修',
    '3点',
    '50元',
    '收了我50块钱',
    '2号开始停水',
    '第三次反映了',
    '11月21日',
    '2026-11-21',
    '20261121',
    '138-1234-5678',
    '10-12点停电',
    '工单#1024',
    '已经等了3天',
    '一座桥',
    '电梯卡在5楼',
    '5座位的车',
    '',
  ])('%s → nothing', (text) => {
    const p = extractPlace(text);
    expect(p.building).toBeUndefined();
    expect(p.unit).toBeUndefined();
    expect(p.room).toBeUndefined();
  });

  it('returns an empty object when there is no place at all', () => {
    expect(extractPlace('物业费怎么交')).toEqual({});
  });
});

describe('stripPlaceMentions', () => {
  it('removes building, unit, room and floor mentions', () => {
    const s = stripPlaceMentions('3号楼2单元502室的电梯坏了 卡在5楼').replace(/\s+/g, '');
    expect(s).toBe('的电梯坏了卡在');
  });
  it('leaves other numbers alone', () => {
    expect(stripPlaceMentions('晚上10点')).toBe('晚上10点');
  });
});

describe('correctedPlace', () => {
  const was = extractPlace('20号楼3单元楼道的灯不亮了');
  it.each([
    ['不对，是21号楼', { building: '21', text: '21号楼' }],
    ['不对，是21号楼3单元', { building: '21', unit: '3', text: '21号楼3单元' }],
    ['应该是2单元', { building: '20', unit: '2', text: '20号楼2单元' }],
    ['写错了，是1102室', { building: '20', unit: '3', room: '1102', text: '20号楼3单元1102室' }],
  ])('%s', (fix, want) => expect(correctedPlace(was, extractPlace(fix))).toEqual(want));

  it('a spot alone is not a move', () => expect(correctedPlace(was, extractPlace('不对，是东门那边'))).toBeNull());

  it('keeps what the old place named above the part corrected, and nothing it did not name', () => {
    expect(correctedPlace(extractPlace('3单元1102室漏水'), extractPlace('不对是1202室'))).toEqual({ unit: '3', room: '1202', text: '3单元1202室' });
    expect(correctedPlace(extractPlace('路灯坏了'), extractPlace('应该是2单元'))).toEqual({ unit: '2', text: '2单元' });
  });
});
