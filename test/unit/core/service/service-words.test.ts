// The words of 三单式 service: commands as residents, staff and volunteers write them, the kind of help guessed from
// a request, and the conservative rule that turns an untriggered line into a service request (faults stay tickets).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.ts';
import { ackOnly, detectServiceRequest, guessServiceKind, parseServiceCommand } from '../../../../src/core/service/service-words.ts';

const plain = { quotesRequest: false, bareNoIsService: false };
const quoting = { quotesRequest: true, bareNoIsService: false };
const volunteer = { quotesRequest: false, bareNoIsService: true };

describe('service commands', () => {
  it('reads 求助 with its text, after an @mention, and asks for the text when there is none', () => {
    expect(parseServiceCommand('求助 帮我代办老年证', plain)).toEqual({ kind: 'request', text: '帮我代办老年证' });
    expect(parseServiceCommand('@邻里助手 求助：腿脚不便，想请人送饭', plain)).toEqual({ kind: 'request', text: '腿脚不便，想请人送饭' });
    expect(parseServiceCommand('求助', plain)).toEqual({ kind: 'bad', usage: '求助 需要帮什么忙' });
    expect(parseServiceCommand('求助#12', plain)).toBeNull();
    expect(parseServiceCommand('大家好，求助一下', plain)).toBeNull();
  });

  it('reads 派单 to a named volunteer or to the pool, with the number written or quoted', () => {
    expect(parseServiceCommand('派单 求助#12 @刘志愿', plain)).toEqual({ kind: 'dispatch', requestNo: 12, target: '刘志愿' });
    expect(parseServiceCommand('派单 #12 刘志愿', plain)).toEqual({ kind: 'dispatch', requestNo: 12, target: '刘志愿' });
    expect(parseServiceCommand('派单 ＃１２ 志愿者群', plain)).toEqual({ kind: 'dispatch', requestNo: 12, target: '志愿者群' });
    expect(parseServiceCommand('派单 刘志愿', quoting)).toEqual({ kind: 'dispatch', target: '刘志愿' });
    expect(parseServiceCommand('派单 刘志愿', plain)).toMatchObject({ kind: 'bad' });
    expect(parseServiceCommand('派单 #12', plain)).toMatchObject({ kind: 'bad' });
  });

  it('reads 接单 by quote or by 求助#N; a bare "接单 #N" is the ticket word unless the sender is no staff', () => {
    expect(parseServiceCommand('接单', quoting)).toEqual({ kind: 'take' });
    expect(parseServiceCommand('接单！', quoting)).toEqual({ kind: 'take' });
    expect(parseServiceCommand('接单', plain)).toBeNull();
    expect(parseServiceCommand('接单 求助#7', plain)).toEqual({ kind: 'take', requestNo: 7 });
    expect(parseServiceCommand('接单 #7', plain)).toBeNull();
    expect(parseServiceCommand('接单 #7', volunteer)).toEqual({ kind: 'take', requestNo: 7 });
    expect(parseServiceCommand('接单了吗', quoting)).toBeNull();
  });

  it('reads 完成 with its note, leaving 完成 实事#N to 议事', () => {
    expect(parseServiceCommand('完成 #12 已帮忙办好老年证', plain)).toEqual({ kind: 'done', requestNo: 12, note: '已帮忙办好老年证' });
    expect(parseServiceCommand('完成 求助#12：送到了', plain)).toEqual({ kind: 'done', requestNo: 12, note: '送到了' });
    expect(parseServiceCommand('完成 #12', plain)).toMatchObject({ kind: 'bad' });
    expect(parseServiceCommand('完成 实事#3', plain)).toBeNull();
    expect(parseServiceCommand('完成了作业', plain)).toBeNull();
  });

  it('reads 确认 / 满意 and 未完成 / 不满意 only when they name or quote a request', () => {
    expect(parseServiceCommand('确认', quoting)).toEqual({ kind: 'confirm' });
    expect(parseServiceCommand('确认，谢谢！', quoting)).toEqual({ kind: 'confirm' });
    // thanks naming the helper, as residents write it (a user's sandbox run: no reply, the request stayed 待确认)
    expect(parseServiceCommand('确认，谢谢陈阿姨', quoting)).toEqual({ kind: 'confirm' });
    expect(parseServiceCommand('满意，谢谢小王！辛苦你了', quoting)).toEqual({ kind: 'confirm', rating: 'SATISFIED' });
    expect(parseServiceCommand('确认 辛苦志愿者了', quoting)).toEqual({ kind: 'confirm' });
    expect(parseServiceCommand('确认，谢谢你们明天再来帮我修一下门', quoting)).toBeNull();
    expect(parseServiceCommand('满意', quoting)).toEqual({ kind: 'confirm', rating: 'SATISFIED' });
    expect(parseServiceCommand('基本满意', quoting)).toEqual({ kind: 'confirm', rating: 'BASIC' });
    expect(parseServiceCommand('确认 #12', plain)).toEqual({ kind: 'confirm', requestNo: 12 });
    expect(parseServiceCommand('确认', plain)).toBeNull();
    expect(parseServiceCommand('确认一下明天停水吗', quoting)).toBeNull();
    expect(parseServiceCommand('未完成', quoting)).toEqual({ kind: 'reopen', note: '' });
    expect(parseServiceCommand('不满意，证还没拿到', quoting)).toEqual({ kind: 'reopen', note: '证还没拿到' });
    expect(parseServiceCommand('不满意', plain)).toBeNull();
    // the rating words are the ticket's as well: only a reply to the request's post makes them about a request
    expect(parseServiceCommand('满意 #12', plain)).toBeNull();
    expect(parseServiceCommand('不满意 #12', plain)).toBeNull();
    expect(parseServiceCommand('未完成 #12 还没送到', plain)).toEqual({ kind: 'reopen', requestNo: 12, note: '还没送到' });
    expect(parseServiceCommand('取消求助 #12', plain)).toEqual({ kind: 'cancel', requestNo: 12 });
    expect(parseServiceCommand('取消求助', quoting)).toEqual({ kind: 'cancel' });
  });
});

describe('a thanks or an OK that confirms', () => {
  it('reads plain thanks and acknowledgements, not complaints, negations or a bare OK', () => {
    for (const yes of ['收到了，谢谢志愿者！', '已收到，谢谢', '好的谢谢', '收到👍', '非常感谢刘阿姨', '辛苦了', '@邻里助手 收到啦，谢谢']) expect(ackOnly(yes), yes).toBe(true);
    for (const no of ['没收到', '还没来', '不对', '不满意', '没收到，谢谢', '谢谢，但是还没送到', '好', '嗯', 'ok', '谢谢你们送错了', '收到了吗？', '明天来修']) expect(ackOnly(no), no).toBe(false);
  });
});

describe('the kind of help', () => {
  it.each([
    ['帮我代办老年证', '帮办代办'],
    ['想请人帮忙办理高龄补贴', '帮办代办'],
    ['明天谁能陪我妈去医院看病', '陪诊'],
    ['需要陪诊', '陪诊'],
    ['腿摔了，想请人送饭', '送餐'],
    ['想请人每天送个午饭', '送餐'],
    ['想找志愿者每周帮忙买点菜送上门', '送餐'],
    ['家里灯泡坏了，老人换不了', '小修'],
    ['水龙头一直滴水，帮忙修一下', '小修'],
    ['帮我搬个柜子', '其他'],
  ])('%s → %s', (text, kind) => expect(guessServiceKind(text)).toBe(kind));
});

describe('untriggered service requests', () => {
  it.each([
    ['谁能帮我妈去医院陪个诊', '陪诊'],
    ['家里老人行动不便，能不能帮忙代办一下老年证', '帮办代办'],
    ['我爸腿脚不好，有没有志愿者能帮忙送餐', '送餐'],
    ['老人独居，麻烦哪位帮忙换个灯泡', '小修'],
    ['我家老人一个人住，腿脚不方便，想找志愿者每周帮忙买点菜送上门，有人能帮忙吗？', '送餐'],
    ['能不能帮我妈买些菜送到家里', '送餐'],
    // a meal of the day named (sweep 5b: it was silent chatter)
    ['谁能帮我家老人每天送个午饭，子女都在外地', '送餐'],
    ['有没有志愿者能给独居老人送晚饭', '送餐'],
  ])('%s → %s', (text, kind) => expect(detectServiceRequest(text)).toBe(kind));

  it.each([
    '电梯坏了，谁能帮忙看看',
    '楼道灯泡坏了，能不能帮忙换一下',
    '厨房漏水，能不能帮忙修一下水龙头',
    '物业能不能帮忙代办停车证',
    '老年证办理需要什么材料？',
    '我妈住院了，今天不去跳舞了',
    '明天送餐车几点到',
    '今天买菜回来，菜市场门口送鸡蛋',
    '帮我看看这个链接',
    '为什么高龄补贴还没发，谁能帮忙问问',
  ])('%s stays what it was', (text) => expect(detectServiceRequest(text)).toBeNull());
});

describe('service configuration', () => {
  it('defaults to 10 points per confirmed request and reads the file', () => {
    expect(loadConfig({}).service.pointsPerRequest).toBe(10);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'linli-cfg-')), 'linli.yaml');
    writeFileSync(file, 'service:\n  pointsPerRequest: 5\n');
    expect(loadConfig({ LINLI_CONFIG: file }).service.pointsPerRequest).toBe(5);
    writeFileSync(file, 'service:\n  pointsPerRequest: -1\n');
    expect(() => loadConfig({ LINLI_CONFIG: file })).toThrow(/service\.pointsPerRequest/);
  });
});
