// `linli groups`: the groups the bot is in, which are not yet mapped to the grid, and mapping them.
import type { Command } from 'commander';
import { action, UsageError, withCheckedStore, withStore } from './runtime.ts';
import { forTerminal } from './terminal-text.ts';

export function registerGroupCommands(program: Command) {
  const groups = program.command('groups').description('chat groups and their place in the grid');

  groups
    .command('list')
    .description('all known groups with their grid node')
    .action(
      action(async () =>
        withStore(async (store) => {
          for (const g of await store.groups.list()) {
            const node = g.gridNodeId ? await store.grid.findById(g.gridNodeId) : null;
            console.log(`${g.platform}\t${forTerminal(g.externalId)}\t${forTerminal(g.title)}\t${node ? node.code : '(unmapped)'}`);
          }
        }),
      ),
    );

  groups
    .command('pending')
    .description('groups the bot is in that are not mapped to a grid node (the bot stays silent there)')
    .action(
      action(async () =>
        withStore(async (store) => {
          const list = await store.groups.listUnmapped();
          if (list.length === 0) console.log('no unmapped groups');
          for (const g of list) console.log(`${g.platform}\t${forTerminal(g.externalId)}\t${forTerminal(g.title)}`);
        }),
      ),
    );

  groups
    .command('map')
    .argument('<groupId>', 'platform id of the group (see `linli groups pending`)')
    .argument('<nodeCode>', 'grid node code')
    .option('--platform <platform>', 'WECHAT or TELEGRAM', 'WECHAT')
    .description('map a group to a grid node, so that the bot serves it')
    .action(
      action(async (groupId: string, nodeCode: string, opts: { platform: string }) =>
        withCheckedStore(
          () => {
            const platform = opts.platform.toUpperCase();
            if (platform !== 'WECHAT' && platform !== 'TELEGRAM') throw new UsageError(`unknown platform ${opts.platform}`);
            return platform;
          },
          async (platform, store) => {
            const group = await store.groups.findByExternal(platform, groupId);
            if (!group) throw new UsageError(`no ${platform} group with id ${groupId} (the bot has not seen it)`);
            const node = await store.grid.findByCode(nodeCode);
            if (!node) throw new UsageError(`no grid node with code ${nodeCode}`);
            await store.groups.mapToNode(group.id, node.id);
            console.log(`mapped ${forTerminal(group.title)} (${forTerminal(groupId)}) to ${node.name} (${node.code})`);
          },
        ),
      ),
    );
}
