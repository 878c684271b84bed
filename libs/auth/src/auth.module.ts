import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { AccessTokenService } from './access-token.service';
import { ApiKeyEntity } from './api-keys/api-key.entity';
import { ApiKeyRepository } from './api-keys/api-key.repository';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DemoLoginsService } from './demo/demo-logins.service';
import { GlobalAuthGuard } from './guards/auth.guard';
import { PasswordService } from './password.service';
import { LocalStrategy } from './strategies/local.strategy';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { RefreshTokenRepository } from './sessions/refresh-token.repository';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';
import { UserEntity } from './entities/user.entity';
import { UserSeederService } from './user-seeder.service';
import { UsersController } from './users.controller';
import { UserRepository } from './user.repository';
import { UsersService } from './users.service';
import { OidcClientService } from './sso/oidc-client.service';
import { SsoAccountsService } from './sso/sso-accounts.service';
import { SsoController } from './sso/sso.controller';
import { SsoService } from './sso/sso.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity, ApiKeyEntity]),
    PassportModule.register({ session: false }),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret }),
    }),
  ],
  controllers: [AuthController, SessionsController, UsersController, SsoController, ApiKeysController],
  providers: [
    AccessTokenService,
    UserRepository,
    RefreshTokenRepository,
    SessionsService,
    UsersService,
    PasswordService,
    AuthService,
    DemoLoginsService,
    LocalStrategy,
    UserSeederService,
    OidcClientService,
    SsoAccountsService,
    SsoService,
    ApiKeyRepository,
    ApiKeysService,
    { provide: APP_GUARD, useClass: GlobalAuthGuard },
  ],
  exports: [UsersService, AuthService],
})
export class AuthModule {}
