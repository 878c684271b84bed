import { PageInfoDto } from '@app/common';
import { UserResponse } from './user.response';

export class UserPage {
  items: UserResponse[];
  page: PageInfoDto;
}
