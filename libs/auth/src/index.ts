export { AuthModule } from './auth.module';
export { UsersService } from './users.service';
export { Role, ALL_ROLES } from './role.enum';
export { Authenticated, Public, type AuthenticatedOptions } from './decorators/authenticated.decorator';
export { CurrentUser, hasRole, type AuthUser } from './decorators/auth-user.decorator';
export { IsTimeZone, isValidTimeZone } from './decorators/is-time-zone.decorator';
export { UserResponse } from './dto/user.response';
export { DEMO_USERS } from './user-seeder.service';
export { LOGIN_THROTTLE_METADATA } from './decorators/authenticated.decorator';
