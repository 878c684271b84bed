import type { PageInfoDto } from '@app/common';
import type { UserResponse } from './user.response';

export class UserPage {
  items: UserResponse[];
  page: PageInfoDto;
}
