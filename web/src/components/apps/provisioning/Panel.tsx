// One panel of the Provisioning tab: a labelled section with its title, a line on what it is for, and its
// actions on the right (wrapping under the title at phone width).
import { Group as Row, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function Panel({ title, description, actions, children }: { title: string; description?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Row justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0}>
            <Text fw={600}>{title}</Text>
            {description && <Text size="sm" c="dimmed">{description}</Text>}
          </Stack>
          {actions}
        </Row>
        {children}
      </Stack>
    </Paper>
  );
}
