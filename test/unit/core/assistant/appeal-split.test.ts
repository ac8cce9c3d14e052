// Which messages are candidates for several tickets, and their parts (triage decides the rest, see Appeals).
import { describe, expect, it } from 'vitest';
import { splitParts } from '../../../../src/core/assistant/appeal-split.ts';

describe('splitParts', () => {
  it('splits parts brought in by 另外 and by 还有 before a place', () => {
    expect(splitParts('20号楼电梯又坏了，另外小区南门路灯不亮好几天了，还有21号楼楼道堆满了纸箱')).toEqual({
      heading: '',
      kind: 'connectives',
      parts: ['20号楼电梯又坏了', '小区南门路灯不亮好几天了', '21号楼楼道堆满了纸箱'],
    });
    expect(splitParts('3号楼的电梯坏了。顺便说一下，东门的垃圾桶满了')?.parts).toEqual(['3号楼的电梯坏了', '东门的垃圾桶满了']);
  });

  it('splits numbered lists of every usual kind, with the heading apart', () => {
    expect(splitParts('22号楼反映两个问题：1. 电梯按钮失灵了 2. 楼上装修天天电钻响')).toEqual({
      heading: '22号楼反映两个问题：',
      kind: 'list',
      parts: ['电梯按钮失灵了', '楼上装修天天电钻响'],
    });
    expect(splitParts('①25号楼电梯又停了 ②地库里有一股煤气味')?.parts).toEqual(['25号楼电梯又停了', '地库里有一股煤气味']);
    expect(splitParts('一是东门路灯坏了，二是垃圾站没人清运')?.parts).toEqual(['东门路灯坏了', '垃圾站没人清运']);
    expect(splitParts('有两件事：(1)车棚漏雨 (2)楼道灯不亮')?.parts).toEqual(['车棚漏雨', '楼道灯不亮']);
    expect(splitParts('第一，地库积水了；第二，快递柜坏了')?.parts).toEqual(['地库积水了', '快递柜坏了']);
  });

  it('splits the shortest lines that hold two parts of four characters, and nothing shorter', () => {
    expect(splitParts('①门锁坏了②灯不亮了')?.parts).toEqual(['门锁坏了', '灯不亮了']);
    expect(splitParts('门锁坏了，另外灯不亮了')?.parts).toEqual(['门锁坏了', '灯不亮了']);
    for (const text of ['①门坏②灯坏', '门锁坏了，另外灯坏了', '收到', '谢谢大家', '1.好 2.好']) expect(splitParts(text)).toBeNull();
  });

  it('leaves one problem told in several clauses whole', () => {
    for (const text of [
      '电梯坏了，困了一个人，物业电话打不通',
      '电梯坏了，还有人被困在里面',
      '楼下那家出租屋经常有陌生男女进出，还有人在楼道里抽烟打量人',
      '2单元楼道里停满了电瓶车 还有两辆在充电 安全出口那扇门也被车挡住一半',
      '隔壁又打老婆了 一直喊救命 还有砸东西的声音 6栋1202 我不敢过去',
      '交接班：1. 2栋门禁已修 2. 5栋2单元楼道一直有煤气味',
      '本月实事清单公示：1.更换路灯12盏 2.疏通雨水管道',
      '楼道里一股焦味，还有一点烟',
      '20号楼电梯又坏了',
      '水管漏水2.5小时了，还没人来',
      '3、4号楼之间的路灯坏了',
      '交接班：1. 巡B1无异常',
    ]) expect(splitParts(text), text).toBeNull();
  });

  it('does not read numbers that are not in order as a list', () => {
    expect(splitParts('2. 电梯坏了 1. 路灯坏了')).toBeNull();
  });
});
