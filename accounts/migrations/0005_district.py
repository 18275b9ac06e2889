"""The district's staff (methodologists, departments) of a single-district installation belong to it."""

import django.db.models.deletion
from django.db import migrations, models


def staff_into_the_district(apps, schema_editor):
    District = apps.get_model("directory", "District")
    User = apps.get_model("accounts", "User")
    first = District.objects.order_by("id").first()
    if first is not None:
        User.objects.filter(role__in=["methodist", "department"], district__isnull=True).update(district=first)


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_user_digest_subscribed'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('directory', '0008_district'),
    ]

    operations = [
        migrations.AddField(
            model_name='user',
            name='district',
            field=models.ForeignKey(blank=True, help_text='Обязательно для методиста и отдела образования: они видят записи только своего муниципального образования. У куратора — то, где его организация; у регионального оператора и администратора — пусто.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='users', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AlterField(
            model_name='user',
            name='role',
            field=models.CharField(choices=[('admin', 'Администратор'), ('region', 'Региональный оператор (край)'), ('methodist', 'Руководитель МШН / методист'), ('coordinator', 'Куратор ОО'), ('department', 'Отдел образования')], default='department', max_length=20, verbose_name='роль'),
        ),
        migrations.RunPython(staff_into_the_district, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='user',
            constraint=models.CheckConstraint(condition=models.Q(('is_superuser', True), models.Q(('role__in', ['methodist', 'department']), _negated=True), ('district__isnull', False), _connector='OR'), name='district_staff_have_district', violation_error_message='Методисту и отделу образования нужно указать муниципальное образование.'),
        ),
    ]
