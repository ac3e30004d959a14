// A user's directory roles and licences in the admin center: role chips (granted or removed at once
// through /directoryRoles) and licence switches with seats used and left (assignLicense). What may be
// changed is the server's decision: a refusal (a role you do not hold, the last Global Administrator,
// no seats left) comes back as the server's message.
import { Alert, Badge, Chip, Group as Row, Modal, Stack, Switch, Text, Title } from '@mantine/core';
import { useDirectoryRoles, useLicenceChange, useRoleChange, useSubscribedSkus } from '../../api/admin';
import { messageOf } from '../../api/client';
import type { DirectoryRole, SubscribedSku, User } from '../../api/types';
import { LoadingState } from '../States';

const SKU_NAMES: Record<string, string> = { AAD_PREMIUM: 'Premium P1', AAD_PREMIUM_P2: 'Premium P2' };
export const skuName = (sku: Pick<SubscribedSku, 'skuPartNumber'>) => SKU_NAMES[sku.skuPartNumber] ?? sku.skuPartNumber;

/** The role and licence badges shown on a user's row. */
export function AccessBadges({ user, roles, skus }: { user: User; roles: DirectoryRole[]; skus: SubscribedSku[] }) {
  const held = user['@roster.roles'] ?? [];
  const licences = user.assignedLicenses ?? [];
  if (held.length === 0 && licences.length === 0) return null;
  return (
    <Row gap={4} wrap="wrap" data-testid="user-access">
      {held.map((r) => <Badge key={r} size="sm" variant="light">{roles.find((d) => d['@roster.role'] === r)?.displayName ?? r}</Badge>)}
      {licences.map((l) => {
        const sku = skus.find((s) => s.skuId === l.skuId);
        return <Badge key={l.skuId} size="sm" variant="outline" color="dark">{sku ? skuName(sku) : 'Licence'}</Badge>;
      })}
    </Row>
  );
}

export function UserAccess({ user, opened, onClose }: { user: User; opened: boolean; onClose: () => void }) {
  const roles = useDirectoryRoles();
  const skus = useSubscribedSkus();
  const roleChange = useRoleChange();
  const licenceChange = useLicenceChange();
  const held = new Set(user['@roster.roles'] ?? []);
  const licensed = new Set((user.assignedLicenses ?? []).map((l) => l.skuId));
  const failure = roleChange.error ?? licenceChange.error;
  return (
    <Modal opened={opened} onClose={onClose} title={`Roles and licences: ${user.displayName}`} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="lg">
        <Stack gap="xs" component="section" aria-labelledby="roles-heading">
          <Title order={3} size="h5" id="roles-heading">Administrator roles</Title>
          <Text size="sm" c="dimmed">Global Administrators grant any role; Privileged Role Administrators only the roles they hold. The last Global Administrator cannot be removed.</Text>
          {roles.isPending ? <LoadingState label="Loading roles" /> : roles.isError ? <Alert color="red" role="alert">{messageOf(roles.error)}</Alert> : (
            <Row gap="xs" wrap="wrap">
              {roles.data.value.map((role) => (
                <Chip key={role.id} checked={held.has(role['@roster.role'])} disabled={roleChange.isPending} title={role.description}
                  onChange={(checked) => { licenceChange.reset(); roleChange.mutate({ roleId: role.roleTemplateId, userId: user.id, grant: checked }); }}>
                  {role.displayName}
                </Chip>
              ))}
            </Row>
          )}
        </Stack>
        <Stack gap="xs" component="section" aria-labelledby="licences-heading">
          <Title order={3} size="h5" id="licences-heading">Licences</Title>
          {skus.isPending ? <LoadingState label="Loading licences" /> : skus.isError ? <Alert color="red" role="alert">{messageOf(skus.error)}</Alert> : (
            <Stack gap="sm">
              {skus.data.value.map((sku) => {
                const left = Math.max(0, sku.prepaidUnits.enabled - sku.consumedUnits);
                return (
                  <Switch key={sku.skuId} label={skuName(sku)} checked={licensed.has(sku.skuId)} disabled={licenceChange.isPending}
                    description={`${sku.consumedUnits} of ${sku.prepaidUnits.enabled} seats used · ${left} left`}
                    onChange={(e) => { roleChange.reset(); licenceChange.mutate({ skuId: sku.skuId, userId: user.id, assign: e.currentTarget.checked }); }} />
                );
              })}
            </Stack>
          )}
        </Stack>
        {failure && <Alert color="red" variant="light" role="alert" title="Not changed">{messageOf(failure)}</Alert>}
      </Stack>
    </Modal>
  );
}
