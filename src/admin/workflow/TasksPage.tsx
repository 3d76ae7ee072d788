import * as React from 'react';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { ACTION_LABEL, STATE_LABEL, type Action, type State } from './constants';

type Task = {
  uid: string;
  documentId: string;
  title: string;
  state: State;
  unit: { code: string; nameTh: string } | null;
  updatedAt: string;
  next: Action;
};

/** "My tasks": the entries waiting for the signed-in user, oldest first. */
const TasksPage = () => {
  const { get } = useFetchClient();
  const [tasks, setTasks] = React.useState<Task[] | null>(null);
  React.useEffect(() => {
    get<{ data: Task[] }>('/workflow/tasks')
      .then((res) => setTasks(res.data.data))
      .catch(() => setTasks([]));
  }, [get]);
  return (
    <Box padding={8}>
      <Typography variant="alpha" tag="h1">
        งานของฉัน
      </Typography>
      <Box paddingTop={4}>
        {tasks === null ? (
          <Typography>กำลังโหลด…</Typography>
        ) : tasks.length === 0 ? (
          <Typography>ไม่มีงานที่รอท่าน</Typography>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={2} data-testid="workflow-tasks">
            {tasks.map((t) => (
              <Box
                key={`${t.uid}:${t.documentId}`}
                background="neutral0"
                padding={4}
                hasRadius
                shadow="tableShadow"
              >
                <Link href={`/admin/content-manager/collection-types/${t.uid}/${t.documentId}`}>
                  {t.title}
                </Link>
                <Typography variant="pi" tag="p">
                  {t.unit ? `${t.unit.code} ${t.unit.nameTh} · ` : ''}
                  {STATE_LABEL[t.state]} · ถัดไป: {ACTION_LABEL[t.next]}
                </Typography>
              </Box>
            ))}
          </Flex>
        )}
      </Box>
    </Box>
  );
};

export default TasksPage;
