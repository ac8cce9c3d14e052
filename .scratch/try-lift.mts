import { findProblems } from '/work/main/src/core/insights/find-problems.ts';
import { createJiebaSegmenter } from '/work/main/src/adapters/insights/jieba.segmenter.ts';
const texts = ['5号楼电梯又坏了，老人上不去，麻烦尽快修一下','5号楼电梯停运三天了，住高层的老人下不来','东园小区5号楼电梯故障困人，太危险了','5号楼电梯经常坏，希望彻底维修更换','5号楼电梯还是没修好，每天爬楼，电梯什么时候修','5号楼电梯又坏了，有事打我电话13812345678','20号楼晚上装修噪音太吵，十点以后还在敲','20号楼有人半夜装修，吵得睡不着','西园新村3号楼门口乱停车，堵住消防通道','3号楼门口又有车堵住消防通道','西园新村3号楼消防通道被私家车占了','21号楼垃圾桶满了没人清理，很臭'];
const places = ['东园小区5号楼','东园小区5号楼','东园小区5号楼','东园小区5号楼','东园小区5号楼','东园小区5号楼','东园小区20号楼','东园小区20号楼','西园新村3号楼','西园新村3号楼','西园新村3号楼','东园小区21号楼'];
const appeals = texts.map((text, i) => ({ id: String(i), text, time: new Date(Date.UTC(2026, 10, 3 + i)), user: `u${i}`, place: places[i], category: 'x' }));
const r = findProblems(appeals, { from: new Date(Date.UTC(2026, 10, 1)), to: new Date(Date.UTC(2026, 11, 1)), places: ['东园小区','5号楼','20号楼','西园新村','3号楼','21号楼','东园小区5号楼'] }, await createJiebaSegmenter());
for (const p of r.problems) console.log(p.count, p.title, p.places, p.keywords, p.evidence.map(e=>e.id));
