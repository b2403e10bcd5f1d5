// Names of the conversation lists.
export const listLabels = { queue: 'Queue', mine: 'Mine', open: 'All open', snoozed: 'Snoozed', resolved: 'Resolved' };
